"""Developer tools, outside the app's package and never imported by it: the benchmark
(``python -m capseg_devtools.bench``), the engine's fuzzer (``python -m capseg_devtools.fuzz``) and the
original approach kept as a yardstick (``legacy``). Run them from the repository root."""
