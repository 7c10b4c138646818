using Promotions.Domain.Common;

namespace Promotions.Domain.Codes;

/// <summary>
/// Generates batches of unique random codes, after refusing requests that break the
/// <see cref="EntropyPolicy"/>.
/// </summary>
public sealed class CodeGenerator
{
    /// <summary>The most codes one request may ask for; larger campaigns are split into several jobs.</summary>
    public const int MaxCount = 10_000_000;

    /// <summary>Creates a generator that applies <paramref name="policy"/> (by default <see cref="EntropyPolicy.Default"/>).</summary>
    public CodeGenerator(EntropyPolicy? policy = null) => Policy = policy ?? EntropyPolicy.Default;

    /// <summary>The entropy policy requests are held to.</summary>
    public EntropyPolicy Policy { get; }

    /// <summary>
    /// Starts generating <paramref name="count"/> codes of <paramref name="spec"/>. <paramref name="existingCount"/>
    /// is how many codes already share the spec's space (they count against the entropy policy);
    /// <paramref name="exists"/>, if given, is asked about each new normalized code so that codes the store
    /// already holds are skipped. Errors: <see cref="CodeErrors.CountOutOfRange"/> and
    /// <see cref="CodeErrors.InsufficientEntropy"/>.
    /// </summary>
    public Result<CodeGeneration> Start(CodeSpec spec, int count, long existingCount = 0, Func<string, bool>? exists = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(existingCount);
        if (count is < 1 or > MaxCount)
        {
            return new DomainError(CodeErrors.CountOutOfRange,
                $"The count must be between 1 and {MaxCount:N0}; it is {count:N0}.", "$.count");
        }

        var refusal = Policy.Check(spec, count, existingCount);
        return refusal is null ? new CodeGeneration(spec, count, exists) : refusal;
    }
}
