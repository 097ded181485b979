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
