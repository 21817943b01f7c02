"""Training tools (TensorFlow/Keras): U-Net builder, synthetic strips, pseudo-labels,
training, evaluation. Never imported by the GUI; `commands.register` adds the `train`,
`synth` and `evaluate` subcommands to `capseg`."""
