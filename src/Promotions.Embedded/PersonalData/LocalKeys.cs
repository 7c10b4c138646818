namespace Promotions.Embedded.PersonalData;

/// <summary>What an operator does with the local key ring of personal data (see docs/security.md).</summary>
public static class LocalKeys
{
    /// <summary>
    /// Adds a key-encryption key to the ring in <paramref name="dataDirectory"/> and makes it the one new data keys are
    /// wrapped with; returns its id. Older keys stay, so everything sealed before keeps opening.
    /// </summary>
    public static string Rotate(string dataDirectory) => new LocalKeyRing(dataDirectory).Rotate();
}
