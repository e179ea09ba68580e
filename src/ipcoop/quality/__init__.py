"""Quality tooling: generated reports with their ground truth, and extraction evaluation."""
