"""The job side: jobs and offers, and the forms that add, change and take them."""
