from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from matching.models import ClaimMatch, MatchStatus
from matching.services import claim_match_decide


@admin.register(ClaimMatch)
class ClaimMatchAdmin(SimpleHistoryAdmin):
    list_display = ["id", "claim", "other", "score", "status", "decided_by", "decided_at", "created_at"]
    list_filter = ["status", "decided_at", "created_at"]
    search_fields = ["claim__text", "other__text", "=claim__id", "=other__id"]
    list_select_related = ["claim", "other", "decided_by"]
    # Decisions go through the service (permissions, who and when), so the form shows them only.
    readonly_fields = ["claim", "other", "score", "status", "decided_by", "decided_at", "created_at"]
    ordering = ["-created_at", "-id"]
    actions = ["confirm", "reject"]

    def has_add_permission(self, request) -> bool:
        return False

    def _decide(self, request, queryset, status: str) -> None:
        for match in queryset:
            claim_match_decide(match=match, user=request.user, status=status)
        self.message_user(request, f"{queryset.count()} match(es) marked {status}.", messages.SUCCESS)

    @admin.action(description="Confirm: the same claim")
    def confirm(self, request, queryset) -> None:
        self._decide(request, queryset, MatchStatus.CONFIRMED)

    @admin.action(description="Reject: a different claim")
    def reject(self, request, queryset) -> None:
        self._decide(request, queryset, MatchStatus.REJECTED)
