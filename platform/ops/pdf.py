"""The Chinese font every PDF of the platform writes with (ballots, announcements, account
slips): the TrueType file at `settings.PDF_CJK_FONT`, embedded and subset, so the PDF reads the
same on any machine; without the file, the standard CID font STSong-Light, which a reader supplies
itself (docs/dependencies.md)."""

import hashlib
import logging
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

FALLBACK_FONT = "STSong-Light"
logger = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def _font(path: str) -> str:
    """The registered name of the font to write with: the TrueType file at `path`, embedded and
    subset, or STSong-Light when there is no such file. Registered once per process."""
    if Path(path).is_file():
        name = "CJK-" + hashlib.sha256(path.encode()).hexdigest()[:8]
        try:
            # A collection (.ttc) holds several faces; the first is WenQuanYi's regular one.
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=0))
        except (TTFError, OSError) as error:
            logger.warning(
                "PDF font %s unusable (%s): falling back to %s", path, error, FALLBACK_FONT
            )
        else:
            return name
    else:
        logger.warning(
            "PDF font %s not found: falling back to %s, not embedded", path, FALLBACK_FONT
        )
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_FONT))
    return FALLBACK_FONT


def font_name(font_path: str | None = None) -> str:
    return _font(font_path or settings.PDF_CJK_FONT)
