"""What the job pages' tests share: the worked example of docs/alignment.md, signed in."""

import pytest

from tests.worked_example import elena as worked_example


@pytest.fixture
def elena(client):
    """The worked example of docs/alignment.md, with its fixed dates, signed in."""
    user = worked_example()
    client.force_login(user)
    return user
