using Promotions.Domain.Common;

namespace Promotions.Domain.Rules.Parsing;

/// <summary>Collects every validation error of one document, so the caller sees them all at once.</summary>
internal sealed class ParseErrors
{
    private readonly List<DomainError> _errors = [];

    public int Count => _errors.Count;

    public IReadOnlyList<DomainError> All => _errors;

    public void Add(string code, string message, string path) => _errors.Add(new DomainError(code, message, path));

    /// <summary>Checks the length of a string taken from the document; true when it is within bounds.</summary>
    public bool CheckLength(string value, string path)
    {
        if (value.Length <= RuleLimits.MaxStringLength)
        {
            return true;
        }

        Add(RuleErrorCodes.StringTooLong, $"Strings are limited to {RuleLimits.MaxStringLength} characters.", path);
        return false;
    }
}
