"""The review desk: a Textual app that presents the engine's findings and collects decisions."""
