"""A person's account: sign-up, settings, and the account's life (export, import, deletion)."""
