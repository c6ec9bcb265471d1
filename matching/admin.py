from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from matching.models import ClaimMatch, MatchStatus
from matching.services import claim_match_decide


@admin.register(ClaimMatch)
class ClaimMatchAdmin(SimpleHistoryAdmin):
    list_display = ["id", "claim", "other", "score", "relation", "status", "decided_by", "decided_at", "created_at"]
    list_filter = ["status", "relation", "decided_at", "created_at"]
    search_fields = ["claim__text", "other__text", "=claim__id", "=other__id"]
    list_select_related = ["claim", "other", "decided_by"]
    # Decisions go through the service (permissions, who and when), so the form shows them only.
    readonly_fields = [
        "claim", "other", "score", "relation", "similarity", "guards",
        "status", "decided_by", "decided_at", "created_at",
    ]  # fmt: skip
    ordering = ["-created_at", "-id"]
    actions = ["confirm", "reject"]

    def has_add_permission(self, request) -> bool:
        return False

    def _decide(self, request, queryset, status: str) -> None:
        done = 0
        for match in queryset:
            try:
                claim_match_decide(match=match, user=request.user, status=status)
                done += 1
            except ValidationError as error:
                # A contradicting pair cannot be confirmed: say which and carry on with the others.
                self.message_user(request, f"Match {match.pk}: {' '.join(error.messages)}", messages.ERROR)
        self.message_user(request, f"{done} match(es) marked {status}.", messages.SUCCESS)

    @admin.action(description="Confirm: the same claim")
    def confirm(self, request, queryset) -> None:
        self._decide(request, queryset, MatchStatus.CONFIRMED)

    @admin.action(description="Reject: a different claim")
    def reject(self, request, queryset) -> None:
        self._decide(request, queryset, MatchStatus.REJECTED)
