from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = [("jobs", "0003_job_version")]

    operations = [
        migrations.CreateModel(
            name="Note",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("text", models.TextField()),
            ],
        ),
        migrations.AddField("note", "extra", models.CharField(max_length=50, null=True)),
    ]
