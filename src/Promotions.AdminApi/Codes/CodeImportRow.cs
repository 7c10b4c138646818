namespace Promotions.AdminApi.Codes;

/// <summary>One accepted line of an import file, remembered by line number for the report.</summary>
internal sealed record CodeImportRow(int Line, string Code, int MaxUses, DateTimeOffset? ExpiresAt, string? AssignedCustomerId);

/// <summary>One refused line of an import file and why.</summary>
internal sealed record CodeImportRejection(int Line, string Code, string ErrorCode, string Message);

/// <summary>The per-line report of an import, and the job that records it (<c>GET /admin/code-jobs/{jobId}</c>).</summary>
internal sealed record CodeImportReport(string JobId, int Imported, IReadOnlyList<CodeImportRejection> Rejected);
