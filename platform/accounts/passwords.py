import secrets
import string

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CLASSES = (string.ascii_lowercase, string.ascii_uppercase, string.digits)


class CharacterClassValidator:
    """Upper case, lower case, a digit and a symbol (等保 level 3 practice)."""

    def validate(self, password: str, user: object = None) -> None:
        has_classes = all(any(ch in cls for ch in password) for cls in CLASSES)
        has_symbol = any(not ch.isalnum() for ch in password)
        if not (has_classes and has_symbol):
            raise ValidationError(
                _("密码须同时包含大写字母、小写字母、数字和符号。"), code="password_classes"
            )

    def get_help_text(self) -> str:
        return _("密码须同时包含大写字母、小写字母、数字和符号。")


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's, with a message its Chinese catalog has (its own plural form there is missing)."""

    def get_error_message(self) -> str:
        return _("密码太短，至少需要 %(min_length)d 个字符。") % {"min_length": self.min_length}

    def get_help_text(self) -> str:
        return _("密码至少需要 %(min_length)d 个字符。") % {"min_length": self.min_length}


# Letters and digits that cannot be misread on paper: no O/0, l/1/I, S/5, Z/2, B/8.
_SLIP_LETTERS = "abcdefghijkmnpqrstuvwxyz"
_SLIP_CAPITALS = "ACDEFGHJKLMNPQRTUVWXY"
_SLIP_DIGITS = "34679"
_SLIP_SYMBOLS = "#%+=?@"
ONE_TIME_PASSWORD_LENGTH = 12


def one_time_password() -> str:
    """A random initial password to print on an account slip: easy to copy from paper, and it
    passes every validator (each character class, a symbol, the length)."""
    rng = secrets.SystemRandom()
    required = [secrets.choice(chars) for chars in (_SLIP_LETTERS, _SLIP_CAPITALS, _SLIP_DIGITS)]
    required.append(secrets.choice(_SLIP_SYMBOLS))
    alphabet = _SLIP_LETTERS + _SLIP_CAPITALS + _SLIP_DIGITS
    rest = [secrets.choice(alphabet) for _ in range(ONE_TIME_PASSWORD_LENGTH - len(required))]
    chars = required + rest
    rng.shuffle(chars)
    return "".join(chars)


class CongressPolicyValidator:
    """The longest minimum length among the password policies of the congresses the person is
    an active member of (accounts.PasswordPolicy); the platform's own minimum applies anyway."""

    def validate(self, password: str, user: object = None) -> None:
        from .selectors import policy_min_length_for

        user_id = getattr(user, "pk", None)
        if user_id is None:
            return
        least = policy_min_length_for(user_id=user_id)
        if len(password) < least:
            raise ValidationError(
                _("本单位密码策略要求密码至少 %(min_length)d 个字符。") % {"min_length": least},
                code="password_policy_length",
            )

    def get_help_text(self) -> str:
        return _("密码长度须符合本单位的密码策略。")
