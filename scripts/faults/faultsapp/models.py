from django.db import models


class Note(models.Model):
    text = models.TextField()
    extra = models.CharField(max_length=50, null=True)  # noqa: DJ001 - the nullable column under test

    def __str__(self):
        return self.text
