""" "Try the demo" and Elena, the demo persona."""
