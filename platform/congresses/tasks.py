from celery import shared_task

from .services import provisioning_job_run, provisioning_jobs_sweep


@shared_task(acks_late=True)
def provision_congress(job_id: int) -> str:
    return provisioning_job_run(job_id=job_id).state


@shared_task
def resend() -> int:
    """Every minute: send the tasks the broker refused after their commit (DeferredSend)."""
    from .tenant import resend_deferred

    return resend_deferred()


@shared_task
def sweep_stuck_jobs() -> int:
    """Every 5 minutes: fail the provisioning jobs stuck past the limit (lost or killed)."""
    return provisioning_jobs_sweep()


@shared_task
def pool_refill() -> int:
    """After a provisioning commits, and every 10 minutes: drop pooled schemas of an old template,
    build the pool back up to its size (docs/provisioning.md)."""
    from .pool import pool_fill

    return pool_fill()
