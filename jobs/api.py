"""The alignment result as the JSON document of DESIGN.md ("Interfaces that others rely on")."""

from fractions import Fraction


def _number(ratio: Fraction | None):
    """A component as a JSON number rounded to 4 decimals, or None."""
    return None if ratio is None else round(float(ratio), 4)


def _direction(direction):
    if direction is None:
        return None
    return {"id": direction.id, "title": direction.title, "status": direction.status}


def _job(result):
    job = result.job
    parts = result.components
    return {
        "id": job.id,
        "title": job.title,
        "employer": job.employer,
        "stage": job.stage,
        "started_on": job.started_on.isoformat() if job.started_on else None,
        "ended_on": job.ended_on.isoformat() if job.ended_on else None,
        "direction_id": result.direction_id,
        "score": result.score,
        "components": None
        if parts is None
        else {
            "skills": _number(parts.skills),
            "goals": _number(parts.goals),
            "values": _number(parts.values),
            "identity": _number(parts.identity),
        },
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
