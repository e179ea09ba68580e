"""ipcoop benchmarks: `make bench`."""
