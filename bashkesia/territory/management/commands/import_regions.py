from bashkesia.territory import services

from ._base import ImportCommand


class Command(ImportCommand):
    help = "Create or update the regional police directorates from a CSV file."
    noun = "regional directorates"

    def run_import(self, path: str) -> int:
        return services.regions_import(path=path)
