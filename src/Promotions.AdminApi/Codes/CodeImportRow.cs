namespace Promotions.AdminApi.Codes;

/// <summary>One accepted line of an import file, remembered by line number for the report.</summary>
internal sealed record CodeImportRow(int Line, string Code, int MaxUses, DateTimeOffset? ExpiresAt, string? AssignedCustomerId);

/// <summary>One refused line of an import file and why.</summary>
internal sealed record CodeImportRejection(int Line, string Code, string ErrorCode, string Message);

/// <summary>The per-line report of an import.</summary>
internal sealed record CodeImportReport(int Imported, IReadOnlyList<CodeImportRejection> Rejected);
