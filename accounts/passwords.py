"""Django's password checks, saying what they ask in Bearing's own words."""

from django.contrib.auth import password_validation as django


class MinimumLength(django.MinimumLengthValidator):
    def get_error_message(self):
        return f"Use at least {self.min_length} characters: a short password is easy to guess."

    def get_help_text(self):
        return f"At least {self.min_length} characters."


class NotLikeYou(django.UserAttributeSimilarityValidator):
    def get_error_message(self):
        return (
            "This password is too close to your %(verbose_name)s: choose one nobody could "
            "guess from it."
        )

    def get_help_text(self):
        return "Not like your username or email address."


class NotCommon(django.CommonPasswordValidator):
    def get_error_message(self):
        return "This is one of the passwords people use most: choose one of your own."

    def get_help_text(self):
        return "Not one of the passwords people use most."


class NotOnlyDigits(django.NumericPasswordValidator):
    def get_error_message(self):
        return "Use letters too, not only digits."

    def get_help_text(self):
        return "Not only digits."
