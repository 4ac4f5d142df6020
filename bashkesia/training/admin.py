"""Training records in the admin: read only.

Courses, sessions, enrolments and certificates change through the back
office, whose services check who may do what.
"""

from django.contrib import admin

from .models import Certificate, Course, Enrolment, TrainingSession


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Course)
class CourseAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("code", "title_sq", "hours", "audience", "is_active")
    list_filter = ("audience", "is_active")
    search_fields = ("code", "title_sq", "title_sr_latn", "title_en")


class EnrolmentInline(ReadOnlyMixin, admin.TabularInline):
    model = Enrolment
    fields = ("membership", "status", "attendance_recorded_at", "completed_at")
    extra = 0


@admin.register(TrainingSession)
class TrainingSessionAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("course", "starts_on", "ends_on", "capacity", "status")
    list_filter = ("status", "course")
    date_hierarchy = "starts_on"
    inlines = [EnrolmentInline]


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("code", "holder_name", "course_code", "issued_at", "revoked_at")
    list_filter = ("language",)
    search_fields = ("code", "holder_name", "course_code")
