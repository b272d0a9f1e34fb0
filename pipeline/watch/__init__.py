"""Narrative watch rules: surges in a framing, a pair's relation or a member's attention."""
