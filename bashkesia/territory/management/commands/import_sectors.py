from bashkesia.territory import importers, services

from ._base import ImportCommand


class Command(ImportCommand):
    help = "Create or update police sectors from a GeoJSON FeatureCollection."
    noun = "sectors"

    def run_import(self, path: str) -> int:
        return services.sectors_import(document=importers.load_json(path))
