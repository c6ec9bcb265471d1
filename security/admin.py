"""Admin: the audit trail (read-only), failed sign-ins with an audited unlock, API tokens with audited revoking, and
users whose staff flags and role groups are audited when changed."""

from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from security.client import client_address
from security.models import AuditEvent
from security.services import Access, access_change_record, lockouts_release, token_issue, tokens_revoke


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "kind", "username", "actor", "address", "detail"]
    list_filter = ["kind", "at"]
    search_fields = ["username", "actor", "address", "detail"]
    date_hierarchy = "at"

    # A trail nobody can edit: events are written by the app and purged only by `manage.py purge_audit_trail`.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccessAttempt)
class AccessAttemptAdmin(admin.ModelAdmin):
    """Failed sign-ins per username and address (django-axes). Deleting one, or the unlock action, lifts its lock."""

    list_display = ["attempt_time", "username", "ip_address", "failures_since_start", "path_info"]
    list_filter = ["attempt_time"]
    search_fields = ["username", "ip_address"]
    date_hierarchy = "attempt_time"
    readonly_fields = ["username", "ip_address", "user_agent", "path_info", "failures_since_start", "attempt_time"]
    exclude = ["get_data", "post_data", "http_accept"]
    actions = ["unlock"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="Unlock: allow sign-in again for these usernames from these addresses")
    def unlock(self, request, queryset: QuerySet[AccessAttempt]):
        count = lockouts_release(attempts=queryset, by=request.user, address=client_address(request))
        self.message_user(request, f"Unlocked {count} username and address pair(s).", messages.SUCCESS)

    def delete_model(self, request, obj):
        self.delete_queryset(request, AccessAttempt.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        lockouts_release(attempts=queryset, by=request.user, address=client_address(request))


admin.site.unregister(TokenProxy)


@admin.register(TokenProxy)
class AuditedTokenAdmin(TokenAdmin):
    """API tokens: creating or deleting (revoking) one goes through the audited services."""

    def save_model(self, request, obj, form, change):
        token = token_issue(user=obj.user, by=request.user, address=client_address(request))
        # Carry on (message, redirect) with the stored row; a TokenProxy's pk is its user's, so only key is set.
        obj.key, obj.created = token.key, token.created
        obj._state.adding = False

    def delete_model(self, request, obj):
        self.delete_queryset(request, TokenProxy.objects.filter(key=obj.key))

    def delete_queryset(self, request, queryset):
        tokens_revoke(tokens=queryset, by=request.user, address=client_address(request))


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class AuditedUserAdmin(UserAdmin):
    """Django's user admin; a change to staff, superuser or role groups is recorded in the audit trail."""

    def save_model(self, request, obj, form, change):
        # The state before the form's changes, read from the database (the form has already set the new flags).
        request._access_before = Access.of(User.objects.get(pk=obj.pk)) if change else Access.of(User())
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        access_change_record(
            user=form.instance, before=request._access_before, by=request.user, address=client_address(request)
        )
