"""The báo cáo kết quả a plan asks of its units: each unit's report skeleton
(`antq new bao-cao`), written from the plan's own assignments, deadlines and recipients."""

from .skeleton import ReportRequest, report_data, report_yaml

__all__ = ["ReportRequest", "report_data", "report_yaml"]
