"""Regression tests for hostile inputs, faults and concurrency: newslint never damages a draft."""
