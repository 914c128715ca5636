import Yams
import Mustache
