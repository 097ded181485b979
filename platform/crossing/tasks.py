from celery import shared_task

from .services import dispatch_deliver, dispatch_deliver_pending


@shared_task(acks_late=True)
def deliver(dispatch_id: int) -> bool:
    return dispatch_deliver(dispatch_id)


@shared_task
def sweep() -> int:
    """Every minute: deliver what a lost message or a failed receiver left behind."""
    return dispatch_deliver_pending()
