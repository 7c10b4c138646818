using System.Text.Json.Serialization.Metadata;

namespace Promotions.Embedded.Storage;

/// <summary>
/// How one entity is kept in a document table: its JSON, its id and version, the columns its filters
/// need, and optionally one set-valued field kept in a member table (<c>value</c>, <c>owner_id</c>).
/// </summary>
internal sealed record DocumentSchema<T>(
    string Table,
    JsonTypeInfo<T> Json,
    Func<T, string> Id,
    Func<T, long, T> WithVersion,
    IReadOnlyList<DocumentColumn<T>> Columns,
    string? MemberTable = null,
    Func<T, IEnumerable<string>>? Members = null);

/// <summary>A column derived from the document, kept beside it for filtering and uniqueness.</summary>
internal sealed record DocumentColumn<T>(string Name, Func<T, object?> Value);
