using System.Diagnostics.CodeAnalysis;

namespace Promotions.Domain.Common;

/// <summary>The value of an operation that can fail in an expected way, or the errors that stopped it.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        Errors = [];
    }

    private Result(IReadOnlyList<DomainError> errors)
    {
        _value = default;
        Errors = errors;
    }

    /// <summary>The errors; empty when the operation succeeded.</summary>
    public IReadOnlyList<DomainError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Errors is null || Errors.Count == 0;

    /// <summary>The value; throws when the operation failed, which is a bug in the caller.</summary>
    public T? Value => IsSuccess ? _value : throw new InvalidOperationException("The result holds errors, not a value.");

    public static Result<T> Ok(T value) => new(value);

    public static Result<T> Fail(DomainError error) => new([error]);

    public static Result<T> Fail(IReadOnlyList<DomainError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0 ? throw new ArgumentException("At least one error is required.", nameof(errors)) : new(errors);
    }

#pragma warning disable CA2225 // Implicit conversions keep call sites short; Ok/Fail are the named alternates.
    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(DomainError error) => Fail(error);
#pragma warning restore CA2225
}
