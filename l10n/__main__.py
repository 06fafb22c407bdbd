from l10n.cli import main

# Guarded: a local Dask cluster spawns its workers, which import __main__ again.
if __name__ == "__main__":
    main()
