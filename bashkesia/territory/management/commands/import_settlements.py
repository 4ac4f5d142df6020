from bashkesia.territory import services

from ._base import ImportCommand


class Command(ImportCommand):
    help = "Create or update settlements (keyed by GeoNames id) from a CSV file."
    noun = "settlements"

    def run_import(self, path: str) -> int:
        return services.settlements_import(path=path)
