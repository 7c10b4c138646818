namespace Promotions.Domain.Rules.Evaluation;

/// <summary>The JSON type of one flattened customer attribute.</summary>
internal enum AttributeKind
{
    /// <summary>Absent, or JSON null.</summary>
    Missing,
    String,
    Number,
    Boolean,

    /// <summary>An array whose items are all strings or numbers.</summary>
    List,

    /// <summary>An object, or an array holding anything but strings and numbers: present but never comparable.</summary>
    Other,
}
