"""The alignment result as the JSON document of `GET /api/v1/alignment/`."""

from careers.alignment import NOTHING


def _number(got, total):
    """A component, got ÷ total, as a JSON number rounded to 4 decimals (None when the
    total is 0). Whole numbers divided as floats round exactly as the Fraction would."""
    return None if total == 0 else round(got / total, 4)


def _components(result):
    if result.direction is None or result.needs_details:
        return None
    direction, job = result.direction, result.job
    got = job.matched.get(direction.id, NOTHING)
    return {
        "skills": _number(got.skills, direction.skills_total),
        "goals": _number(got.goals, direction.goals_total),
        "values": _number(got.values, direction.values_total),
        "identity": None if job.identity_fit is None else _number(job.identity_fit - 1, 4),
    }


def _direction(direction):
    if direction is None:
        return None
    return {"id": direction.id, "title": direction.title, "status": direction.status}


def _job(result):
    job = result.job
    return {
        "id": job.id,
        "title": job.title,
        "employer": job.employer,
        "stage": job.stage,
        "started_on": job.started_on.isoformat() if job.started_on else None,
        "ended_on": job.ended_on.isoformat() if job.ended_on else None,
        "direction_id": result.direction_id,
        "score": result.score,
        "needs_details": result.needs_details,
        "components": _components(result),
        "flags": [{"phrase": flag.phrase, "job_id": flag.job_id} for flag in result.flags],
    }


def alignment_document(result):
    """The `GET /api/v1/alignment/` document for one alignment result."""
    return {
        "as_of": result.as_of.isoformat(),
        "direction": _direction(result.direction),
        "overall": result.overall,
        "aligned_share": result.aligned_share,
        "coverage": result.coverage,
        "missing": list(result.missing),
        "drift": result.drift,
        "jobs": [_job(job_result) for job_result in result.jobs],
    }
