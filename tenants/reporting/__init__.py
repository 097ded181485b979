"""Reports that read more than one product module (the public account reads voting and
implementation). It sits above them: they never import it."""
