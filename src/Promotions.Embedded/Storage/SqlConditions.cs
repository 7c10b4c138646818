using Microsoft.Data.Sqlite;

namespace Promotions.Embedded.Storage;

/// <summary>
/// A WHERE clause built from optional filters: a filter whose value is null is left out ("any"), and every
/// value is bound as a parameter, never spliced into the SQL.
/// </summary>
internal sealed class SqlConditions
{
    private readonly List<string> _clauses = [];
    private readonly List<(string Name, object Value)> _parameters = [];

    /// <summary>Adds <paramref name="clause"/>, whose <c>{0}</c> stands for the bound value, unless the value is null.</summary>
    public SqlConditions Add(string clause, object? value)
    {
        if (value is not null)
        {
            var name = $"$f{_parameters.Count}";
            _clauses.Add(string.Format(null, clause, name));
            _parameters.Add((name, value));
        }

        return this;
    }

    /// <summary>Adds a clause without a value (a constant condition).</summary>
    public SqlConditions Add(string clause)
    {
        _clauses.Add(clause);
        return this;
    }

    /// <summary>Adds <c>column = value</c> unless the value is null.</summary>
    public SqlConditions Equal(string column, object? value) => Add(column + " = {0}", value);

    public string Sql => _clauses.Count == 0 ? "1 = 1" : string.Join(" AND ", _clauses);

    public void Bind(SqliteCommand command)
    {
        foreach (var (name, value) in _parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }
}
