import MXSymmetry

extension BravaisSetting {
    /// The space group the crystal is refined in for this setting: the lattice's lowest-symmetry
    /// group (`bravais_settings.py`'s `lowest_symmetry_space_group_for_bravais_lattice`), I 1 2 1
    /// for a monoclinic lattice given in its body-centred setting ("mI").
    public func lowestSymmetrySpaceGroup() throws(SymmetryError) -> SpaceGroup {
        if label == "mI" { return try SpaceGroup("I 1 2 1") }
        return try SpaceGroup(number: bravais.lowestSpaceGroupNumber)
    }
}
