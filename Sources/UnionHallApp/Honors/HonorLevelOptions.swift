import UnionHallCore
import UnionHallPlatform
import Vapor

extension PageOptions {
    static func levels(selected: String?, request: Request) -> [SelectOption] {
        Pages.enumOptions(HonorLevel.self, prefix: "honorLevel", selected: selected, request: request)
    }
}
