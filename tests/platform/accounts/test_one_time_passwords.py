"""The one-time passwords printed on account slips: the password rules of settings, and no
look-alike characters (it needs Django's settings, so it is not among the pure rules' tests)."""

from django.contrib.auth.password_validation import validate_password

from accounts.passwords import ONE_TIME_PASSWORD_LENGTH, one_time_password


def test_one_time_passwords_pass_the_password_rules_and_avoid_look_alikes() -> None:
    passwords = {one_time_password() for _ in range(200)}

    assert len(passwords) == 200
    for password in passwords:
        assert len(password) == ONE_TIME_PASSWORD_LENGTH
        validate_password(password)
        assert not set(password) & set("O0l1IS5Z2B8")
