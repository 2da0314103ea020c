"""A person's account: sign-up, log-in, password, email, API tokens, deletion and settings."""
