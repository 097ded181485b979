"""Personal data shown in lists and exports stays masked unless the role needs it (等保 practice)."""


def masked_phone(phone: str) -> str:
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 7 else phone
