from bashkesia.territory import importers, services

from ._base import ImportCommand


class Command(ImportCommand):
    help = "Create or update municipalities from a GeoJSON FeatureCollection."
    noun = "municipalities"

    def run_import(self, path: str) -> int:
        return services.municipalities_import(document=importers.load_json(path))
