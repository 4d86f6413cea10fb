"""The Waves page: supervisors follow each wave's picking."""
