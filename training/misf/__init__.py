"""MISF (Multi-level Interactive Siamese Filtering, CVPR 2022) for the MISF for Fiji project."""
