"""The event coder: triggers, frames (who did what to whom), modality, confidence."""
