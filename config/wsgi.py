import logging
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
application = get_wsgi_application()


def _connect_to_the_broker() -> None:
    """Open the web process's connection to the job queue now, not in the first request that queues a job: loading
    the broker's client and connecting took about a second, which that request (an upload's 202) paid. Each web
    process does this as it loads the application (after its fork). A broker that is down is only logged: the
    pages work, and the first job sent retries as usual."""
    from config.celery import app

    try:
        app.backend  # noqa: B018 - loaded on first use, even with results ignored
        with app.producer_or_acquire() as producer:
            producer.connection.ensure_connection(max_retries=1)
            producer.maybe_declare(app.amqp.queues[app.conf.task_default_queue])
    except Exception as error:  # noqa: BLE001 - the web must start without its broker
        logging.getLogger(__name__).warning("Job queue not reachable at start: %s", error)


def _index_the_urls() -> None:
    """Build the URL index that reverse() uses (every namespace's) now; built on first use, it cost the first
    response that links anywhere (an upload's 202 gives its job's URL) half a second on a busy machine."""
    pending = [get_resolver()]
    while pending:
        resolver = pending.pop()
        resolver.reverse_dict  # noqa: B018 - built on first access
        pending.extend(namespaced for _, namespaced in resolver.namespace_dict.values())


_connect_to_the_broker()
_index_the_urls()
