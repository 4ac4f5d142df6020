from django.contrib import admin

from .models import DirectorGeneral


@admin.register(DirectorGeneral)
class DirectorGeneralAdmin(admin.ModelAdmin):
    list_display = ("name", "in_office", "left_office", "is_demo")
