import App
import Foundation

exit(await GuatuMain.run())
