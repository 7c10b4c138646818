using Promotions.Domain.Common;

namespace Promotions.Domain.Codes;

/// <summary>
/// A run of code generation: hands out unique normalized codes in batches of the caller's size, so the
/// store can insert each batch while the next is made. Not thread-safe.
/// </summary>
public sealed class CodeGeneration
{
    /// <summary>
    /// How many draws in a row may hit known codes before the run stops with
    /// <see cref="CodeErrors.SpaceExhausted"/>. Under the default policy at most one code in a million is
    /// taken, so even two misses in a row almost never happen; only a nearly full space reaches this.
    /// </summary>
    public const int MaxAttemptsPerCode = 100;

    private readonly CodeSpec _spec;
    private readonly Func<string, bool>? _exists;
    private readonly HashSet<UInt128> _seen;
    private readonly RandomIndexSource _random = new();
    private readonly char[] _buffer;
    private readonly int[] _randomPositions;
    private readonly CharClass[] _randomClasses;
    private readonly int _checkPosition = -1;
    private int _target;

    internal CodeGeneration(CodeSpec spec, int count, Func<string, bool>? exists)
    {
        _spec = spec;
        _exists = exists;
        _target = count;
        _buffer = new char[spec.CodeLength];
        _seen = new HashSet<UInt128>(count);

        // Literals never change, so they are written once; each draw then touches only random positions.
        var positions = new List<int>();
        var classes = new List<CharClass>();
        var slots = spec.Slots;
        for (var i = 0; i < slots.Length; i++)
        {
            switch (slots[i].Kind)
            {
                case CodeSlotKind.Literal:
                    _buffer[i] = slots[i].Literal;
                    break;
                case CodeSlotKind.Random:
                    positions.Add(i);
                    classes.Add(slots[i].Class!);
                    break;
                default:
                    _checkPosition = i;
                    break;
            }
        }

        _randomPositions = [.. positions];
        _randomClasses = [.. classes];
    }

    /// <summary>How many codes have been handed out so far.</summary>
    public int Generated { get; private set; }

    /// <summary>How many codes are still to come; 0 when done.</summary>
    public int Remaining => Error is null ? _target - Generated : 0;

    /// <summary>Why the run stopped early (<see cref="CodeErrors.SpaceExhausted"/>), or null.</summary>
    public DomainError? Error { get; private set; }

    /// <summary>
    /// Writes up to <c>destination.Length</c> new codes (never more than <see cref="Remaining"/>) and returns
    /// how many. Fewer than asked, with <see cref="Remaining"/> above 0, means <see cref="Error"/> is set.
    /// </summary>
    public int Fill(Span<string> destination)
    {
        var written = 0;
        while (written < destination.Length && Remaining > 0)
        {
            var code = NextUnique();
            if (code is null)
            {
                Error = new DomainError(CodeErrors.SpaceExhausted,
                    $"No new code found in {MaxAttemptsPerCode} draws after {Generated:N0}: the space of {_spec.SpaceSize:N0} codes of {_spec.Pattern} is nearly full. Use a longer pattern.");
                break;
            }

            destination[written++] = code;
            Generated++;
        }

        return written;
    }

    /// <summary>
    /// Asks for <paramref name="refused"/> more codes, to replace codes the store refused as duplicates
    /// (those are never drawn again in this run).
    /// </summary>
    public void Replace(int refused)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(refused);
        _target += refused;
    }

    private string? NextUnique()
    {
        for (var attempt = 0; attempt < MaxAttemptsPerCode; attempt++)
        {
            // The key is the random part as a mixed-radix number: exact up to 2^128 codes, and beyond that a
            // wrapped collision only costs one more draw. The string is built only for a new key.
            if (_seen.Add(Draw()))
            {
                var code = new string(_buffer);
                if (_exists?.Invoke(code) != true)
                {
                    return code;
                }
            }
        }

        return null;
    }

    private UInt128 Draw()
    {
        UInt128 key = 0;
        var interim = 0;
        var check = _spec.Check;
        for (var i = 0; i < _randomPositions.Length; i++)
        {
            var symbols = _randomClasses[i];
            var value = _random.Next(symbols.SampleMap);
            key = (key * (uint)symbols.Size) + (uint)value;
            _buffer[_randomPositions[i]] = symbols.Symbols[value];
            if (check is not null)
            {
                interim = check.Step(interim, symbols.CharsetIndex(value));
            }
        }

        if (check is not null)
        {
            _buffer[_checkPosition] = _spec.Charset[check.Closer(interim)];
        }

        return key;
    }
}
